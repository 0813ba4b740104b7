"""An area's settings and where things live: paths, params files, municipalities and regions."""
