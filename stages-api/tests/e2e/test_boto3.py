"""boto3's apigatewayv2 client against the stages-api example.

Run by tests/service_e2e.rs with STAGES_API_URL (rate limit off) and STAGES_API_LIMITED_URL
(a low rate limit) pointing at two running instances. Every request goes to 127.0.0.1.
"""

import datetime
import os
import unittest
import uuid

import boto3
from botocore.config import Config

URL = os.environ["STAGES_API_URL"]
LIMITED_URL = os.environ["STAGES_API_LIMITED_URL"]


def client(url=URL, validate=True):
    config = Config(
        parameter_validation=validate,
        retries={"total_max_attempts": 1},
        connect_timeout=5,
        read_timeout=30,
    )
    return boto3.client(
        "apigatewayv2",
        endpoint_url=url,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
        config=config,
    )


def unique(prefix):
    return f"{prefix}{uuid.uuid4().hex[:10]}"


FULL_STAGE = dict(
    StageName="prod",
    Description="Production stage",
    DeploymentId="dep123",
    ClientCertificateId="cert1",
    AutoDeploy=False,
    DefaultRouteSettings=dict(
        DetailedMetricsEnabled=True,
        LoggingLevel="INFO",
        DataTraceEnabled=False,
        ThrottlingBurstLimit=500,
        ThrottlingRateLimit=1000.5,
    ),
    RouteSettings={
        "GET /pets": dict(LoggingLevel="OFF", ThrottlingBurstLimit=100, ThrottlingRateLimit=50.0),
        "$default": dict(DetailedMetricsEnabled=False, LoggingLevel="ERROR"),
    },
    StageVariables={"backend": "https://pets.example.com/v1", "alias": "live"},
    AccessLogSettings=dict(
        Format="$context.requestId $context.status",
        DestinationArn="arn:aws:logs:us-east-1:123456789012:log-group:pets-prod",
    ),
    Tags={"team": "pets", "env": "prod"},
)

# Members of the request that come back unchanged in the response.
ECHOED = [key for key in FULL_STAGE]


class Boto3Stages(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.client = client()
        api = cls.client.create_api(Name=unique("pets-"), ProtocolType="HTTP")
        cls.api_id = api["ApiId"]

    def test_create_api_and_get_it_back(self):
        created = self.client.create_api(Name="chat", ProtocolType="WEBSOCKET")
        self.assertEqual(created["ResponseMetadata"]["HTTPStatusCode"], 201)
        fetched = self.client.get_api(ApiId=created["ApiId"])
        # boto3 reads x-amzn-RequestId as the request id: fresh per request.
        ids = [r["ResponseMetadata"].get("RequestId") for r in (created, fetched)]
        self.assertTrue(all(ids), ids)
        self.assertNotEqual(ids[0], ids[1])
        self.assertEqual(fetched["Name"], "chat")
        self.assertEqual(fetched["ProtocolType"], "WEBSOCKET")
        self.assertIsInstance(fetched["CreatedDate"], datetime.datetime)

    def test_create_stage_with_every_member_and_read_it_back(self):
        before = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(seconds=5)
        created = self.client.create_stage(ApiId=self.api_id, **FULL_STAGE)
        self.assertEqual(created["ResponseMetadata"]["HTTPStatusCode"], 201)
        fetched = self.client.get_stage(ApiId=self.api_id, StageName="prod")
        for response in (created, fetched):
            for key in ECHOED:
                self.assertEqual(response[key], FULL_STAGE[key], key)
            # boto3 parses the dates itself: they must be timezone-aware datetimes of now.
            for key in ("CreatedDate", "LastUpdatedDate"):
                self.assertIsInstance(response[key], datetime.datetime, key)
                self.assertIsNotNone(response[key].tzinfo, key)
                self.assertGreater(response[key], before, key)
        self.assertEqual(fetched["RouteSettings"]["GET /pets"]["LoggingLevel"], "OFF")
        listed = self.client.get_stages(ApiId=self.api_id)["Items"]
        self.assertIn("prod", [stage["StageName"] for stage in listed])

    def test_paginator_sees_every_stage_exactly_once(self):
        api_id = self.client.create_api(Name="paged", ProtocolType="HTTP")["ApiId"]
        names = {f"stage-{index:02d}" for index in range(23)} | {"$default"}
        for name in names:
            self.client.create_stage(ApiId=api_id, StageName=name)
        paginator = self.client.get_paginator("get_stages")
        seen, pages = [], 0
        for page in paginator.paginate(ApiId=api_id, MaxResults="1"):
            pages += 1
            seen.extend(stage["StageName"] for stage in page["Items"])
            self.assertLessEqual(len(page["Items"]), 1)
        self.assertEqual(sorted(seen), sorted(names))
        self.assertEqual(len(seen), len(set(seen)))
        self.assertEqual(pages, len(names))
        # A bigger page size walks the same stages.
        seen = [s["StageName"] for p in paginator.paginate(ApiId=api_id, MaxResults="10") for s in p["Items"]]
        self.assertEqual(sorted(seen), sorted(names))

    def test_duplicate_stage_name_is_a_conflict(self):
        self.client.create_stage(ApiId=self.api_id, StageName="dup")
        with self.assertRaises(self.client.exceptions.ConflictException) as caught:
            self.client.create_stage(ApiId=self.api_id, StageName="dup")
        self.assertEqual(caught.exception.response["ResponseMetadata"]["HTTPStatusCode"], 409)
        self.assertIn("dup", caught.exception.response["Error"]["Message"])
        self.assertTrue(caught.exception.response["ResponseMetadata"].get("RequestId"))

    def test_unknown_api_is_not_found(self):
        for call in (
            lambda: self.client.create_stage(ApiId="nosuchapi1", StageName="x"),
            lambda: self.client.get_stages(ApiId="nosuchapi1"),
            lambda: self.client.get_stage(ApiId="nosuchapi1", StageName="x"),
        ):
            with self.assertRaises(self.client.exceptions.NotFoundException) as caught:
                call()
            self.assertEqual(caught.exception.response["ResponseMetadata"]["HTTPStatusCode"], 404)
            self.assertIn("nosuchapi1", caught.exception.response["Error"]["Message"])

    def test_unknown_stage_is_not_found(self):
        with self.assertRaises(self.client.exceptions.NotFoundException):
            self.client.get_stage(ApiId=self.api_id, StageName="missing")

    def test_invalid_values_are_a_bad_request_naming_each_path(self):
        loose = client(validate=False)
        with self.assertRaises(loose.exceptions.BadRequestException) as caught:
            loose.create_stage(
                ApiId=self.api_id,
                StageName="has spaces",
                StageVariables={"url": "not allowed"},
                AccessLogSettings={"Format": "$context.status"},
                DefaultRouteSettings={"LoggingLevel": "LOUD"},
            )
        message = caught.exception.response["Error"]["Message"]
        self.assertEqual(caught.exception.response["ResponseMetadata"]["HTTPStatusCode"], 400)
        for fragment in (
            "stageName: must contain only letters",
            'stageVariables["url"]: must match',
            "accessLogSettings.format: must include $context.requestId",
            "defaultRouteSettings.loggingLevel: must be one of ERROR, INFO, OFF",
        ):
            self.assertIn(fragment, message)
        # A body above the service's limit: 413, still a typed BadRequestException for boto3.
        with self.assertRaises(loose.exceptions.BadRequestException) as caught:
            loose.create_stage(ApiId=self.api_id, StageName="big", Description="x" * 70000)
        self.assertEqual(caught.exception.response["ResponseMetadata"]["HTTPStatusCode"], 413)
        self.assertIn("larger than the limit", caught.exception.response["Error"]["Message"])

    def test_invalid_max_results_and_forged_token_are_bad_requests(self):
        loose = client(validate=False)
        for max_results in ("0", "-1", "ten", "1.5", "100000"):
            with self.assertRaises(loose.exceptions.BadRequestException) as caught:
                loose.get_stages(ApiId=self.api_id, MaxResults=max_results)
            self.assertIn("maxResults", caught.exception.response["Error"]["Message"])
        with self.assertRaises(loose.exceptions.BadRequestException) as caught:
            loose.get_stages(ApiId=self.api_id, NextToken="forged")
        self.assertIn("nextToken", caught.exception.response["Error"]["Message"])

    def test_rate_limit_is_too_many_requests(self):
        limited = client(LIMITED_URL)
        api_id = limited.create_api(Name="limited", ProtocolType="HTTP")["ApiId"]
        error = None
        for _ in range(50):
            try:
                limited.get_stages(ApiId=api_id)
            except limited.exceptions.TooManyRequestsException as raised:
                error = raised
                break
        self.assertIsNotNone(error, "50 quick requests never hit the limit")
        self.assertEqual(error.response["ResponseMetadata"]["HTTPStatusCode"], 429)
        self.assertEqual(error.response["Error"]["Code"], "TooManyRequestsException")
        self.assertEqual(error.response["Error"]["Message"], "Too Many Requests")


if __name__ == "__main__":
    unittest.main()
