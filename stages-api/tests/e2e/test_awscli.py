"""The AWS CLI (v1, from PyPI) against stages-api: every Stages operation, and typed errors.

Skipped when the `aws` command did not install into the test's virtual environment.
"""

import json
import os
import shutil
import subprocess
import sys
import unittest

URL = os.environ["STAGES_API_URL"]
AWS = shutil.which("aws", path=os.path.dirname(sys.executable))
ENV = dict(
    os.environ,
    AWS_ACCESS_KEY_ID="testing",
    AWS_SECRET_ACCESS_KEY="testing",
    AWS_DEFAULT_REGION="us-east-1",
    AWS_MAX_ATTEMPTS="1",
    AWS_PAGER="",
)


def aws(*args):
    return subprocess.run(
        [AWS, "apigatewayv2", "--endpoint-url", URL, "--output", "json", *args],
        env=ENV,
        capture_output=True,
        text=True,
        timeout=60,
    )


@unittest.skipIf(AWS is None, "awscli did not install")
class AwsCli(unittest.TestCase):
    def test_create_list_and_conflict(self):
        created = aws("create-api", "--name", "cli", "--protocol-type", "HTTP")
        self.assertEqual(created.returncode, 0, created.stderr)
        api_id = json.loads(created.stdout)["ApiId"]

        stage = aws(
            "create-stage", "--api-id", api_id, "--stage-name", "cli-stage",
            "--stage-variables", "backend=https://example.com",
        )
        self.assertEqual(stage.returncode, 0, stage.stderr)
        self.assertEqual(json.loads(stage.stdout)["StageVariables"], {"backend": "https://example.com"})

        listed = aws("get-stages", "--api-id", api_id)
        self.assertEqual(listed.returncode, 0, listed.stderr)
        self.assertEqual([s["StageName"] for s in json.loads(listed.stdout)["Items"]], ["cli-stage"])

        again = aws("create-stage", "--api-id", api_id, "--stage-name", "cli-stage")
        self.assertNotEqual(again.returncode, 0)
        self.assertIn("ConflictException", again.stderr)

    def test_the_rest_of_a_stage_life(self):
        api_id = json.loads(aws("create-api", "--name", "cli-life", "--protocol-type", "HTTP").stdout)["ApiId"]
        created = aws(
            "create-stage", "--api-id", api_id, "--stage-name", "life",
            "--stage-variables", "a=1,b=2",
            "--route-settings", '{"GET /pets": {"LoggingLevel": "INFO"}, "GET /toys": {}}',
            "--access-log-settings", "Format=$context.requestId,DestinationArn=arn:aws:logs:us-east-1:123456789012:log-group:g",
        )
        self.assertEqual(created.returncode, 0, created.stderr)

        updated = aws(
            "update-stage", "--api-id", api_id, "--stage-name", "life",
            "--description", "changed", "--stage-variables", "b=two,c=3",
        )
        self.assertEqual(updated.returncode, 0, updated.stderr)
        self.assertEqual(json.loads(updated.stdout)["StageVariables"], {"a": "1", "b": "two", "c": "3"})

        for args in (
            ("delete-route-settings", "--route-key", "GET /pets"),
            ("delete-access-log-settings",),
        ):
            done = aws(args[0], "--api-id", api_id, "--stage-name", "life", *args[1:])
            self.assertEqual(done.returncode, 0, done.stderr)
        fetched = aws("get-stage", "--api-id", api_id, "--stage-name", "life")
        self.assertEqual(fetched.returncode, 0, fetched.stderr)
        stage = json.loads(fetched.stdout)
        self.assertEqual(stage["Description"], "changed")
        self.assertEqual(stage["RouteSettings"], {"GET /toys": {}})
        self.assertNotIn("AccessLogSettings", stage)

        again = aws("delete-route-settings", "--api-id", api_id, "--stage-name", "life", "--route-key", "GET /pets")
        self.assertNotEqual(again.returncode, 0)
        self.assertIn("NotFoundException", again.stderr)

        invalid = aws("update-stage", "--api-id", api_id, "--stage-name", "life", "--stage-variables", "my-var=x")
        self.assertNotEqual(invalid.returncode, 0)
        self.assertIn("BadRequestException", invalid.stderr)
        self.assertIn("my-var", invalid.stderr)

        deleted = aws("delete-stage", "--api-id", api_id, "--stage-name", "life")
        self.assertEqual(deleted.returncode, 0, deleted.stderr)
        gone = aws("get-stage", "--api-id", api_id, "--stage-name", "life")
        self.assertNotEqual(gone.returncode, 0)
        self.assertIn("NotFoundException", gone.stderr)


if __name__ == "__main__":
    unittest.main()
