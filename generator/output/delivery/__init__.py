"""Delivering the documents to people: e-mail drafts and the årshjul as calendars.

:func:`.plan.plan_delivery` says what to deliver (from the validated data and the planned
documents); the build makes the files with the same ownership rules as every other output.
"""
