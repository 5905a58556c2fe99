hits = 0
