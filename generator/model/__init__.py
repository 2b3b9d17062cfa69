"""Stage 2, the model: the governance data as typed objects (Oppdrag, Risiko, Lederavtale …),
the column descriptions that make it the workbook schema, and the rules between rows
(who an HA/DA entry means, how own chapters are placed)."""
