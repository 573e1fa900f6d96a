"""Training: the recipes that made the shipped weights (python -m explorer.training.<recipe>), and the
trainings the app runs live as background jobs (train_cases.py, train_memory.py's retrain_work; the
scheduler is explorer/shell/jobs.py). Everything here may import torch; nothing here imports the shell."""
