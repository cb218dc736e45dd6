-- wrk script for bench/storm.sh: endless sign-ins, alternating a right password for a known account with a
-- wrong one for an unknown address (so the account throttle never trips), tallying the answers by status.
counts = {}
local n = 0
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  counts = { ["302"] = 0, ["200"] = 0, ["429"] = 0, ["503"] = 0, other = 0 }
end

request = function()
  n = n + 1
  local email, password
  if n % 2 == 0 then
    email, password = os.getenv("STORM_EMAIL"), os.getenv("STORM_PASSWORD")
  else
    email, password = "nobody-" .. math.random(1, 1000000000) .. "@example.com", "a wrong password"
  end
  local body = "Email=" .. email:gsub("@", "%%40") .. "&Password=" .. password:gsub(" ", "+")
    .. "&__RequestVerificationToken=" .. os.getenv("STORM_TOKEN")
  return wrk.format("POST", "/signin", {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = os.getenv("STORM_COOKIE"),
  }, body)
end

response = function(status)
  local key = tostring(status)
  if counts[key] then counts[key] = counts[key] + 1 else counts.other = counts.other + 1 end
end

done = function(summary, latency, requests)
  local total = { ["302"] = 0, ["200"] = 0, ["429"] = 0, ["503"] = 0, other = 0 }
  for _, thread in ipairs(threads) do
    local c = thread:get("counts")
    for k, v in pairs(c) do total[k] = total[k] + v end
  end
  io.write(string.format("STORM signed-in=%d wrong=%d throttled=%d busy=%d other=%d\n",
    total["302"], total["200"], total["429"], total["503"], total.other))
end
