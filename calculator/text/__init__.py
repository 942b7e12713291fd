"""Everything the user reads: numbers the Danish way, messages, labels and sentences."""
