"""Case 1: an LSTM that predicts the last letter of a word, trained live."""
from explorer.shell import case_page

case_page.render("last_letter")
