"""boto3 through the rest of a stage's life: GetStage, UpdateStage, DeleteRouteSettings,
DeleteAccessLogSettings, DeleteStage, and the service quotas, typed errors included.

STAGES_API_URL: a service with a high stages-per-API quota; STAGES_API_QUOTA_URL: one with AWS's
default quotas (10 stages per API, 300 routes per API).
"""

import datetime
import os
import time
import unittest

from test_boto3 import client, unique

QUOTA_URL = os.environ["STAGES_API_QUOTA_URL"]

ACCESS_LOG = dict(
    Format="$context.requestId $context.status",
    DestinationArn="arn:aws:logs:us-east-1:123456789012:log-group:pets",
)


class Boto3Lifecycle(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.client = client()
        cls.api_id = cls.client.create_api(Name=unique("life-"), ProtocolType="HTTP")["ApiId"]

    def create(self, name, **members):
        return self.client.create_stage(ApiId=self.api_id, StageName=name, **members)

    def test_update_merges_maps_key_by_key_and_replaces_the_rest(self):
        created = self.create(
            "upd",
            Description="before",
            StageVariables={"keep": "1", "change": "2", "drop": "3"},
            RouteSettings={"GET /a": dict(LoggingLevel="INFO", ThrottlingBurstLimit=5), "GET /b": dict(LoggingLevel="ERROR")},
            DefaultRouteSettings=dict(ThrottlingBurstLimit=10, ThrottlingRateLimit=1.5),
            AccessLogSettings=ACCESS_LOG,
        )
        time.sleep(1.1)  # dates are to the second
        updated = self.client.update_stage(
            ApiId=self.api_id,
            StageName="upd",
            Description="after",
            StageVariables={"change": "two", "drop": "", "add": "4"},
            RouteSettings={"GET /a": dict(LoggingLevel="OFF"), "GET /c": dict(DataTraceEnabled=True)},
            DefaultRouteSettings=dict(ThrottlingBurstLimit=20),
            AutoDeploy=True,
        )
        self.assertEqual(updated["ResponseMetadata"]["HTTPStatusCode"], 200)
        fetched = self.client.get_stage(ApiId=self.api_id, StageName="upd")
        for stage in (updated, fetched):
            self.assertEqual(stage["Description"], "after")
            self.assertEqual(stage["StageVariables"], {"keep": "1", "change": "two", "add": "4"})
            self.assertEqual(
                stage["RouteSettings"],
                {"GET /a": {"LoggingLevel": "OFF"}, "GET /b": {"LoggingLevel": "ERROR"}, "GET /c": {"DataTraceEnabled": True}},
            )
            self.assertEqual(stage["DefaultRouteSettings"], {"ThrottlingBurstLimit": 20})
            self.assertEqual(stage["AccessLogSettings"], ACCESS_LOG)
            self.assertTrue(stage["AutoDeploy"])
            self.assertEqual(stage["CreatedDate"], created["CreatedDate"])
            self.assertGreater(stage["LastUpdatedDate"], created["LastUpdatedDate"])

    def test_an_empty_update_changes_only_the_update_date(self):
        created = self.create("noop", Description="same", StageVariables={"a": "1"})
        updated = self.client.update_stage(ApiId=self.api_id, StageName="noop")
        for key in ("StageName", "Description", "StageVariables", "CreatedDate"):
            self.assertEqual(updated[key], created[key], key)
        self.assertGreaterEqual(updated["LastUpdatedDate"], created["LastUpdatedDate"])

    def test_update_errors_are_typed(self):
        loose = client(validate=False)
        self.create("bad-upd")
        with self.assertRaises(loose.exceptions.BadRequestException) as caught:
            loose.update_stage(
                ApiId=self.api_id, StageName="bad-upd",
                StageVariables={"my-var": "a b"}, AccessLogSettings={"Format": "$context.status"},
            )
        message = caught.exception.response["Error"]["Message"]
        self.assertIn('stageVariables["my-var"]: key must match', message)
        self.assertIn("accessLogSettings.format: must include $context.requestId", message)
        self.create("auto", AutoDeploy=True)
        with self.assertRaises(self.client.exceptions.BadRequestException) as caught:
            self.client.update_stage(ApiId=self.api_id, StageName="auto", DeploymentId="dep1")
        self.assertIn("autoDeploy", caught.exception.response["Error"]["Message"])
        self.client.update_stage(ApiId=self.api_id, StageName="auto", DeploymentId="dep1", AutoDeploy=False)
        for call in (
            lambda: self.client.update_stage(ApiId=self.api_id, StageName="missing", Description="x"),
            lambda: self.client.update_stage(ApiId="nosuchapi1", StageName="bad-upd", Description="x"),
        ):
            with self.assertRaises(self.client.exceptions.NotFoundException) as caught:
                call()
            self.assertIn(caught.exception.response["ResourceType"], ("Stage", "Api"))

    def test_delete_route_settings_then_again_is_not_found(self):
        self.create("routes", RouteSettings={"GET /pets": dict(LoggingLevel="INFO"), "$default": dict(LoggingLevel="OFF")})
        deleted = self.client.delete_route_settings(ApiId=self.api_id, StageName="routes", RouteKey="GET /pets")
        self.assertEqual(deleted["ResponseMetadata"]["HTTPStatusCode"], 204)
        stage = self.client.get_stage(ApiId=self.api_id, StageName="routes")
        self.assertEqual(stage["RouteSettings"], {"$default": {"LoggingLevel": "OFF"}})
        with self.assertRaises(self.client.exceptions.NotFoundException) as caught:
            self.client.delete_route_settings(ApiId=self.api_id, StageName="routes", RouteKey="GET /pets")
        self.assertEqual(caught.exception.response["ResourceType"], "RouteSettings")
        self.assertIn("GET /pets", caught.exception.response["Error"]["Message"])
        self.client.delete_route_settings(ApiId=self.api_id, StageName="routes", RouteKey="$default")
        self.assertNotIn("RouteSettings", self.client.get_stage(ApiId=self.api_id, StageName="routes"))

    def test_delete_access_log_settings(self):
        self.create("logs", AccessLogSettings=ACCESS_LOG)
        deleted = self.client.delete_access_log_settings(ApiId=self.api_id, StageName="logs")
        self.assertEqual(deleted["ResponseMetadata"]["HTTPStatusCode"], 204)
        self.assertNotIn("AccessLogSettings", self.client.get_stage(ApiId=self.api_id, StageName="logs"))
        with self.assertRaises(self.client.exceptions.NotFoundException) as caught:
            self.client.delete_access_log_settings(ApiId=self.api_id, StageName="nolog")
        self.assertEqual(caught.exception.response["ResourceType"], "Stage")

    def test_delete_stage_then_it_is_gone(self):
        self.create("doomed")
        deleted = self.client.delete_stage(ApiId=self.api_id, StageName="doomed")
        self.assertEqual(deleted["ResponseMetadata"]["HTTPStatusCode"], 204)
        with self.assertRaises(self.client.exceptions.NotFoundException):
            self.client.get_stage(ApiId=self.api_id, StageName="doomed")
        with self.assertRaises(self.client.exceptions.NotFoundException):
            self.client.delete_stage(ApiId=self.api_id, StageName="doomed")
        listed = [s["StageName"] for s in self.client.get_stages(ApiId=self.api_id)["Items"]]
        self.assertNotIn("doomed", listed)
        # The name can be used again.
        self.assertEqual(self.create("doomed")["StageName"], "doomed")


class Boto3Quotas(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.client = client(QUOTA_URL)

    def test_the_eleventh_stage_is_too_many_requests_until_one_is_deleted(self):
        api_id = self.client.create_api(Name=unique("quota-"), ProtocolType="HTTP")["ApiId"]
        for index in range(10):
            self.client.create_stage(ApiId=api_id, StageName=f"s{index}")
        with self.assertRaises(self.client.exceptions.TooManyRequestsException) as caught:
            self.client.create_stage(ApiId=api_id, StageName="s10")
        response = caught.exception.response
        self.assertEqual(response["ResponseMetadata"]["HTTPStatusCode"], 429)
        self.assertEqual(response["LimitType"], "StagesPerApi")
        self.assertIn("Stages per API", response["Error"]["Message"])
        self.assertIn("10", response["Error"]["Message"])
        self.client.delete_stage(ApiId=api_id, StageName="s0")
        self.client.create_stage(ApiId=api_id, StageName="s10")
        self.assertEqual(len(self.client.get_stages(ApiId=api_id)["Items"]), 10)

    def test_route_settings_beyond_the_routes_quota(self):
        api_id = self.client.create_api(Name=unique("routes-"), ProtocolType="HTTP")["ApiId"]
        routes = {f"GET /r{index}": {} for index in range(300)}
        self.client.create_stage(ApiId=api_id, StageName="full", RouteSettings=routes)
        with self.assertRaises(self.client.exceptions.TooManyRequestsException) as caught:
            self.client.update_stage(ApiId=api_id, StageName="full", RouteSettings={"GET /one-more": {}})
        self.assertEqual(caught.exception.response["LimitType"], "RoutesPerApi")
        self.assertIn("300", caught.exception.response["Error"]["Message"])
        routes["GET /r300"] = {}
        with self.assertRaises(self.client.exceptions.TooManyRequestsException):
            self.client.create_stage(ApiId=api_id, StageName="over", RouteSettings=routes)
        # Nothing was changed by the refused requests.
        stage = self.client.get_stage(ApiId=api_id, StageName="full")
        self.assertEqual(len(stage["RouteSettings"]), 300)
        with self.assertRaises(self.client.exceptions.NotFoundException):
            self.client.get_stage(ApiId=api_id, StageName="over")


if __name__ == "__main__":
    unittest.main()
