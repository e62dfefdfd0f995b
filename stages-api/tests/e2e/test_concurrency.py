"""Many clients at once against the stages-api example, over plain HTTP on 127.0.0.1.

Bounded: a fixed number of requests, each with a timeout.
"""

import http.client
import json
import os
import threading
import unittest
import urllib.parse
from concurrent.futures import ThreadPoolExecutor

URL = urllib.parse.urlparse(os.environ["STAGES_API_URL"])
TIMEOUT = 30


class Connection:
    """One keep-alive connection per worker thread, all closed by `close_all`."""

    local = threading.local()
    opened = []
    opened_lock = threading.Lock()

    @classmethod
    def close_all(cls):
        with cls.opened_lock:
            for connection in cls.opened:
                connection.close()
            cls.opened.clear()

    @classmethod
    def request(cls, method, path, body=None):
        connection = getattr(cls.local, "connection", None)
        if connection is None:
            connection = http.client.HTTPConnection(URL.hostname, URL.port, timeout=TIMEOUT)
            cls.local.connection = connection
            with cls.opened_lock:
                cls.opened.append(connection)
        headers = {"Content-Type": "application/json"} if body is not None else {}
        payload = json.dumps(body) if body is not None else None
        try:
            connection.request(method, path, body=payload, headers=headers)
            response = connection.getresponse()
            data = response.read()
        except (http.client.HTTPException, OSError):
            cls.local.connection = None
            raise
        return response.status, json.loads(data) if data else None


def create_api(name):
    status, body = Connection.request("POST", "/v2/apis", {"name": name, "protocolType": "HTTP"})
    assert status == 201, (status, body)
    return body["apiId"]


class Concurrency(unittest.TestCase):
    def tearDown(self):
        Connection.close_all()
        Connection.local = threading.local()
    def test_64_clients_creating_one_name_get_one_201_and_63_409(self):
        api_id = create_api("race")
        barrier = threading.Barrier(64, timeout=TIMEOUT)

        def create(_):
            barrier.wait()
            return Connection.request("POST", f"/v2/apis/{api_id}/stages", {"stageName": "contested"})

        with ThreadPoolExecutor(max_workers=64) as pool:
            results = list(pool.map(create, range(64)))
        statuses = sorted(status for status, _ in results)
        self.assertEqual(statuses, [201] + [409] * 63)
        conflicts = [body for status, body in results if status == 409]
        self.assertTrue(all("contested" in body["message"] for body in conflicts))

    def test_32_clients_creating_10000_stages_are_listed_exactly_once(self):
        api_id = create_api("bulk")
        total = 10_000

        def create(index):
            status, body = Connection.request("POST", f"/v2/apis/{api_id}/stages", {"stageName": f"s{index:05d}"})
            return status

        with ThreadPoolExecutor(max_workers=32) as pool:
            statuses = list(pool.map(create, range(total), chunksize=64))
        self.assertEqual(statuses.count(201), total)

        seen, token, pages = [], None, 0
        while pages <= total:  # bounded: never more pages than stages
            query = {"maxResults": "500"}
            if token:
                query["nextToken"] = token
            status, body = Connection.request("GET", f"/v2/apis/{api_id}/stages?{urllib.parse.urlencode(query)}")
            self.assertEqual(status, 200, body)
            seen.extend(stage["stageName"] for stage in body["items"])
            pages += 1
            token = body.get("nextToken")
            if not token:
                break
        self.assertEqual(len(seen), total)
        self.assertEqual(set(seen), {f"s{index:05d}" for index in range(total)})
        self.assertEqual(pages, total // 500)


if __name__ == "__main__":
    unittest.main()
