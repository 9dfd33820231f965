/**
 * The Redis side of the shared pacer: a sliding log per key (a sorted set of send slots scored by
 * when each stops counting) and a block key per key with an expiry (a 429's retry_after).
 *
 * Why a script and not rate-limiter-flexible's RateLimiterRedis: that one counts fixed windows
 * that start at a key's first send (in whole seconds), so a burst at the end of one window and
 * another at the start of the next pass together: measured here, 51 sends in one second under a
 * 30/s limit with three instances. The platforms (and tests/helpers' fakes) count sliding
 * windows; this log holds them exactly, checks and takes all of a send's windows in one atomic
 * step (a platform-wide slot is never taken for a chat that is full) and keeps a send counting
 * until a window after it finished. All times are the Redis server's clock, shared by every process.
 *
 * KEYS: per window, its log then its block key. ARGV: per window, limit then windowMs; then the
 * slot's id and the lease (ms): how long an unreleased slot (a crashed process) counts at most.
 * Returns {1, 0} with the slots taken, or {0, waitMs}.
 */
export const RESERVE_SCRIPT = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local windows = #KEYS / 2
local member = ARGV[windows * 2 + 1]
local lease = tonumber(ARGV[windows * 2 + 2])
local wait = 0
for i = 1, windows do
  local log, blockKey = KEYS[i * 2 - 1], KEYS[i * 2]
  local limit, windowMs = tonumber(ARGV[i * 2 - 1]), tonumber(ARGV[i * 2])
  local blocked = redis.call('PTTL', blockKey)
  if blocked > wait then wait = blocked end
  redis.call('ZREMRANGEBYSCORE', log, '-inf', now - windowMs)
  local live = redis.call('ZCARD', log)
  if live >= limit then
    local freeing = redis.call('ZRANGE', log, live - limit, live - limit, 'WITHSCORES')
    local freeAfter = tonumber(freeing[2]) + windowMs - now
    if freeAfter > wait then wait = freeAfter end
  end
end
if wait > 0 then return {0, wait} end
for i = 1, windows do
  local log, windowMs = KEYS[i * 2 - 1], tonumber(ARGV[i * 2])
  redis.call('ZADD', log, now + lease, member)
  redis.call('PEXPIRE', log, lease + windowMs)
end
return {1, 0}
`;

/** KEYS: the logs of the ticket's windows. ARGV: the slot's id. Its slots now end at this moment. */
export const RELEASE_SCRIPT = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
for i = 1, #KEYS do
  redis.call('ZADD', KEYS[i], 'XX', now, ARGV[1])
end
return 1
`;

/** KEYS: the block key. ARGV: ms from now. Only lengthens a block, never shortens it. */
export const BLOCK_SCRIPT = `
local ms = tonumber(ARGV[1])
if redis.call('PTTL', KEYS[1]) < ms then redis.call('SET', KEYS[1], '1', 'PX', ms) end
return 1
`;
