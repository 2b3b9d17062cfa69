"""Noark 5 archive metadata: records, Fiks Arkiv arkivmeldinger, the CSV list, code lists, XSDs."""
