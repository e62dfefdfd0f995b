"""A restart with --data-dir keeps everything: run once with STAGES_RESTART_PHASE=before, which
builds APIs and stages through every operation and writes what boto3 read back to
STAGES_RESTART_FILE; the service is restarted on the same directory; run again with
STAGES_RESTART_PHASE=after, which reads everything again and compares.
"""

import json
import os
import unittest

from test_boto3 import client, unique

URL = os.environ["STAGES_API_DURABLE_URL"]
PHASE = os.environ.get("STAGES_RESTART_PHASE", "")
FILE = os.environ.get("STAGES_RESTART_FILE", "")


def snapshot(api_client, api_ids):
    state = {}
    for api_id in api_ids:
        api = api_client.get_api(ApiId=api_id)
        stages = [s for page in api_client.get_paginator("get_stages").paginate(ApiId=api_id) for s in page["Items"]]
        state[api_id] = {
            "api": {k: str(v) for k, v in api.items() if k != "ResponseMetadata"},
            "stages": json.loads(json.dumps(stages, default=str)),
        }
    return state


@unittest.skipUnless(PHASE in ("before", "after"), "run by service_e2e.rs around a restart")
class Restart(unittest.TestCase):
    def test_everything_survives_a_restart(self):
        api_client = client(URL)
        if PHASE == "before":
            api_ids = []
            for index in range(3):
                api_id = api_client.create_api(Name=unique(f"kept{index}-"), ProtocolType="HTTP")["ApiId"]
                api_ids.append(api_id)
                for name in ("a", "b", "c", "$default"):
                    api_client.create_stage(
                        ApiId=api_id, StageName=name, StageVariables={"v": name.strip("$")},
                        RouteSettings={"GET /x": {"LoggingLevel": "INFO"}, "GET /y": {}},
                        AccessLogSettings={"Format": "$context.requestId", "DestinationArn": "arn:aws:logs:us-east-1:123456789012:log-group:g"},
                    )
                api_client.update_stage(ApiId=api_id, StageName="a", Description="updated", StageVariables={"w": "2"})
                api_client.delete_route_settings(ApiId=api_id, StageName="b", RouteKey="GET /x")
                api_client.delete_access_log_settings(ApiId=api_id, StageName="c")
                api_client.delete_stage(ApiId=api_id, StageName="$default")
            state = snapshot(api_client, api_ids)
            self.assertEqual(len(state[api_ids[0]]["stages"]), 3)
            with open(FILE, "w") as out:
                json.dump(state, out)
        else:
            with open(FILE) as saved:
                before = json.load(saved)
            self.assertEqual(snapshot(api_client, list(before)), before)


if __name__ == "__main__":
    unittest.main()
