## Texts the bot writes on GitHub besides problems: pull request titles and commit subjects.

pull-title-add = Add { $name } to the leaderboard
pull-title-update = Update { $name } on the leaderboard
pull-title-remove = Remove { $name } from the leaderboard
