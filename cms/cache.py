"""Django's Redis cache with one client per connection pool.

Django's `RedisCacheClient` builds a new `redis.Redis` for every operation, and each one fills
its table of ~170 response callbacks: about half a millisecond of Python per cache call, paid
many times per request (site root paths, page cache, rate limits, idempotency keys). A
`redis.Redis` is safe to share between threads (each command takes a connection from the
pool), so one per pool serves the whole process.
"""

from django.core.cache.backends.redis import RedisCache, RedisCacheClient


class SharedClientRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class SharedClientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = SharedClientRedisCacheClient
