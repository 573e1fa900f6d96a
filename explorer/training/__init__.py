"""Training: the recipes that made the shipped weights (python -m explorer.training.<recipe>) and the
background jobs that train the case studies live. Everything here may import torch."""
