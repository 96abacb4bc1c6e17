return { text = "第一版" }
