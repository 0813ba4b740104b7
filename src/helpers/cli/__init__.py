"""The commands a broker and an analyst run: ``lka report``, ``validate``, ``fetch``,
``new-area``, ``lab``, ``preview``."""
