"""Computes entry-v1.txt from the encoding spelled out in spec/audit-bundle.md, independently of the Java code.

Run: python3 make_entry_vector.py > entry-v1.txt
"""
import hashlib
import struct
from datetime import datetime, timezone

body = b'{"type":"Follow"}'
fields = {
    "sequence": 42,
    "time": "2025-03-05T09:04:01.250Z",
    "direction": "inbound",
    "kind": "inbox.accepted",
    "peer": "hr.example.com",
    "activityId": "https://hr.example.com/activities/1",
    "activityType": "Follow",
    "actor": "https://hr.example.com/users/b\u00e9a",
    "object": "https://sales.example.com/users/al",
    "result": "",
}


def string(s):
    data = s.encode("utf-8")
    return struct.pack(">I", len(data)) + data


header_block = struct.pack(">I", 2)
for name, values in sorted({"date": ["Wed, 05 Mar 2025 09:04:01 GMT"], "host": ["sales.example.com"]}.items()):
    header_block += string(name) + struct.pack(">I", len(values)) + b"".join(string(v) for v in values)

body_digest = hashlib.sha256(body).digest()
header_digest = hashlib.sha256(header_block).digest()
millis = int(datetime.strptime(fields["time"], "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=timezone.utc).timestamp() * 1000)

encoded = b"tributary-audit-entry-v1\n" + struct.pack(">QQ", fields["sequence"], millis)
for name in ("direction", "kind", "peer", "activityId", "activityType", "actor", "object", "result"):
    encoded += string(fields[name])
encoded += body_digest + header_digest

print("# One audit entry, its canonical v1 encoding and its leaf hash; made by make_entry_vector.py.")
for name, value in fields.items():
    print(f"{name}={value}")
print(f"body={body.decode()}")
print("header=date: Wed, 05 Mar 2025 09:04:01 GMT")
print("header=host: sales.example.com")
print(f"bodyDigest={body_digest.hex()}")
print(f"headerDigest={header_digest.hex()}")
print(f"canonical={encoded.hex()}")
leaf_hash = hashlib.sha256(bytes([0]) + encoded).hexdigest()
print(f"leafHash={leaf_hash}")
