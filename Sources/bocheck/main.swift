print("bocheck")
