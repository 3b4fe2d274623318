module example.com/receipts

go 1.19
