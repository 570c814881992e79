"""Draws media/icon.png (128x128): a classical pillar on a rounded navy square. No external art.

Run from the repository root: python3 scripts/make-icon.py
"""
import struct
import zlib

SIZE = 128
NAVY = (27, 42, 65, 255)
STONE = (236, 239, 244, 255)
SHADE = (176, 186, 201, 255)
ORANGE = (255, 153, 0, 255)
CLEAR = (0, 0, 0, 0)


def inside_rounded(x, y, radius=22):
    cx = min(max(x, radius), SIZE - 1 - radius)
    cy = min(max(y, radius), SIZE - 1 - radius)
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2


def pixel(x, y):
    if not inside_rounded(x, y):
        return CLEAR
    # Pediment bar (orange), capital, shaft with three flutes, base, plinth.
    if 18 <= y < 26 and 22 <= x < 106:
        return ORANGE
    if 28 <= y < 36 and 26 <= x < 102:
        return STONE
    if 36 <= y < 42 and 34 <= x < 94:
        return SHADE
    if 42 <= y < 94 and 40 <= x < 88:
        return SHADE if (x - 40) % 12 in (5, 6) else STONE
    if 94 <= y < 100 and 34 <= x < 94:
        return SHADE
    if 100 <= y < 110 and 26 <= x < 102:
        return STONE
    return NAVY


def chunk(kind, data):
    body = kind + data
    return struct.pack('>I', len(data)) + body + struct.pack('>I', zlib.crc32(body) & 0xFFFFFFFF)


rows = b''.join(b'\x00' + b''.join(bytes(pixel(x, y)) for x in range(SIZE)) for y in range(SIZE))
png = (
    b'\x89PNG\r\n\x1a\n'
    + chunk(b'IHDR', struct.pack('>IIBBBBB', SIZE, SIZE, 8, 6, 0, 0, 0))
    + chunk(b'IDAT', zlib.compress(rows, 9))
    + chunk(b'IEND', b'')
)
with open('media/icon.png', 'wb') as out:
    out.write(png)
print(f'media/icon.png: {len(png)} bytes')
