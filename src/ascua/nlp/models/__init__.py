"""The shipped model artifacts (JSON and .npz), written by ``make models``."""
