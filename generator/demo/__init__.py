"""The demo: a complete, fictional data set for «Fjellvik kommune» (see :mod:`.data`)."""
