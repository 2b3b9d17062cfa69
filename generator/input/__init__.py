"""Stage 1, input: the advisers' workbooks read into the model, every problem located by file,
sheet and cell; the sheet schema derived from the model, blank workbooks and their docs."""
