"""The data file (models.yaml) as text: read it with positions, edit one row, prove the edit.

`parse` reads rows and where they sit (libyaml marks); `edit` splices one row's lines and verifies
the result; `emit` writes a row's YAML; `typed` finds plain values that a typed reader (Hugo) would
read as something else. What the bot says about the file is in the catalog (bot/locales/*/datafile.ftl).
`bot.dataset` is the entry point the rest of the bot uses.
"""

FILE = "models.yaml"
"""How messages name the data file."""
