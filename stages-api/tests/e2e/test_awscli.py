"""The AWS CLI (v1, from PyPI) against the stages-api example: create, list and one error.

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


if __name__ == "__main__":
    unittest.main()
