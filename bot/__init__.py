"""Leaderboard bot: issue form → validated row → regenerated Hugo post → pull request."""
