"""Stage 4, rendering: document contexts into Word files (docxtpl in a sandbox and the fast
renderer), the template check, charts, colours and Norwegian formatting."""
