"""The employer survey: any tool's export read into tidy answers (one module per tool layout
under ``layouts/``, or a mapping file), checked, with personal data split off and every
figure through disclosure control."""
