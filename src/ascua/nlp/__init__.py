"""enrich: language, sentiment, question and complaint for every post (offline models)."""
