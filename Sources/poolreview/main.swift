print("poolreview")
