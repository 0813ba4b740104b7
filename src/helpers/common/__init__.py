"""What every layer uses: the project's errors, how a number reads in Swedish, caching."""
