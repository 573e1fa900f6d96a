"""Case 2: a Bi-LSTM that predicts the next word of a sentence, trained live."""
from explorer.shell import case_page

case_page.render("next_word")
