return { text = "第二版" }
