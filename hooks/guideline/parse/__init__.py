"""Stage 2, plain data to typed models: validate each file and say in the contributors' words what is wrong, then assemble the guideline."""
