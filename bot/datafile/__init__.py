"""The data file (models.yaml) as text: read it with positions, edit one row, prove the edit.

`parse` reads rows and where they sit (libyaml marks); `edit` splices one row's lines and verifies
the result; `emit` writes a row's YAML; `texts` holds what the bot says about the file.
`bot.dataset` is the entry point the rest of the bot uses.
"""

FILE = "models.yaml"
"""How messages name the data file."""
