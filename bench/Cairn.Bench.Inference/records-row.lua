-- wrk -t1 -c32 -d20s -s records-row.lua http://127.0.0.1:5055/api/v1/deployments/weather/predict
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"records":[{"date":"2015-06-01","precipitation":0.0,"temp_max":25.0,"temp_min":12.0,"wind":3.2}]}'
