-- wrk -t1 -c32 -d20s -s oip-row.lua http://127.0.0.1:5055/v2/models/weather/infer
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"parameters":{"content_type":"pd"},"inputs":[' ..
  '{"name":"date","shape":[1],"datatype":"BYTES","data":["2015-06-01"]},' ..
  '{"name":"precipitation","shape":[1],"datatype":"FP64","data":[0.0]},' ..
  '{"name":"temp_max","shape":[1],"datatype":"FP64","data":[25.0]},' ..
  '{"name":"temp_min","shape":[1],"datatype":"FP64","data":[12.0]},' ..
  '{"name":"wind","shape":[1],"datatype":"FP64","data":[3.2]}]}'
