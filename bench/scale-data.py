"""Writes Redis protocol (for `redis-cli --pipe`) for USERS accounts with SESSIONS sessions each, in the site's
production format: the account hash, the email key, the session index, and each session as the IDistributedCache
hash (absexp in .NET ticks, sldexp -1, data = the session record's JSON). Prints the cookie of user 0's first
session, and of two heavy users (100 and 1,000 sessions), on stderr, so the site can be asked to prove the format.

`scale-data.py --timing K` writes instead K users each of 1, 100 and 1,000 sessions, and K users of 1,000 whose
other 500 sessions have already expired (entry gone, index member left behind), and prints every such user's first
cookie: targets for timing "sign out all other sessions" and the index cleanup, one request per user."""
import base64, hashlib, json, os, sys, time

now_ms = int(time.time() * 1000)
idle_ms, epoch_ticks = 30 * 60 * 1000, 621355968000000000
out = sys.stdout.buffer
password = "AQAAAAIAAzRQAAAAEHxXJohC2xDVTsW+Z0kiQiAglFFkinUKQYB/xVv60F0z4xmslKMlBUCWroHqehN2IQ=="


def b64(raw):
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def command(*parts):
    encoded = [p if isinstance(p, bytes) else str(p).encode() for p in parts]
    out.write(b"*%d\r\n" % len(encoded) + b"".join(b"$%d\r\n%s\r\n" % (len(p), p) for p in encoded))


def user(index, sessions, label, expired=0):
    uid = b64(os.urandom(16))
    email = f"scale-{index}@example.com"
    command("HSET", f"{{user:{uid}}}:account", "id", uid, "email", email, "name", f"Scale {index}", "password", password,
            "created", now_ms)
    command("SET", f"email:{email}", uid)
    members = []
    for s in range(sessions + expired):
        token = b64(os.urandom(32))
        storage = b64(hashlib.sha256(token.encode()).digest()[:16])
        if s >= sessions:  # expired a minute ago: Redis dropped the entry, the index still lists it
            members += [now_ms - 60_000, storage]
            continue
        expires = now_ms + idle_ms
        record = {"u": uid, "e": email, "n": f"Scale {index}", "m": now_ms // 1000, "a": True,
                  "c": now_ms // 1000, "l": now_ms // 1000, "x": expires, "i": "198.51.100.%d" % (s % 250 + 1),
                  "d": "Chrome on Windows"}
        key = f"{{user:{uid}}}:s:{storage}"
        command("HSET", key, "absexp", epoch_ticks + (expires + 1000) * 10000, "sldexp", -1,
                "data", json.dumps(record, separators=(",", ":")))
        command("PEXPIREAT", key, expires + 1000)
        members += [expires, storage]
        if s == 0 and label:
            print(f"{label} {uid}.{token}", file=sys.stderr)
    for start in range(0, len(members), 2000):
        command("ZADD", f"{{user:{uid}}}:sessions", *members[start:start + 2000])
    command("PEXPIREAT", f"{{user:{uid}}}:sessions", now_ms + idle_ms)


if sys.argv[1] == "--timing":
    for k in range(int(sys.argv[2])):
        for n in (1, 100, 1000):
            user(10_000_000 + k * 10 + n % 7, n, f"others{n}")
        user(20_000_000 + k, 500, "halfgone1000", expired=500)
else:
    users, per_user = int(sys.argv[1]), int(sys.argv[2])
    user(0, per_user, "sample")
    for i in range(1, users):
        user(i, per_user, None)
    user(users, 100, "heavy100")
    user(users + 1, 1000, "heavy1000")
