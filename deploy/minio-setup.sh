#!/bin/sh
# Run by the compose service minio-setup (the mc image) on every `docker compose up`; safe to repeat. Makes the
# recordings bucket and gives the apps a key of their own, limited to that bucket: the apps' key appears in every
# upload URL they hand out, so it must not be MinIO's administrator.
set -eu
: "${MINIO_ROOT_USER:?}" "${MINIO_ROOT_PASSWORD:?}" "${S3_BUCKET:?}" "${S3_ACCESS_KEY_ID:?}" "${S3_SECRET_ACCESS_KEY:?}"
MINIO_URL=${MINIO_URL:-http://minio:9000}
POLICY=shisha-recordings

mc alias set shisha "$MINIO_URL" "$MINIO_ROOT_USER" "$MINIO_ROOT_PASSWORD" >/dev/null
mc mb --ignore-existing "shisha/$S3_BUCKET"

# What the apps do (UploadsConfig, S3Recordings): sign PUTs of recordings, read them back, check the bucket.
# ListBucket lets a missing recording answer 404 rather than 403.
# the mc image is minimal (no grep, no mktemp): plain shell and cat only
policy_file=/tmp/shisha-recordings-policy.json
cat >"$policy_file" <<EOF
{
  "Version": "2012-10-17",
  "Statement": [
    {"Effect": "Allow", "Action": ["s3:ListBucket", "s3:GetBucketLocation"], "Resource": ["arn:aws:s3:::$S3_BUCKET"]},
    {"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": ["arn:aws:s3:::$S3_BUCKET/call-recordings/*"]}
  ]
}
EOF
mc admin policy create shisha "$POLICY" "$policy_file"
rm -f "$policy_file"

# add also sets a new secret for an existing key, which is how S3_SECRET_ACCESS_KEY is rotated
mc admin user add shisha "$S3_ACCESS_KEY_ID" "$S3_SECRET_ACCESS_KEY"
case "$(mc admin user info shisha "$S3_ACCESS_KEY_ID")" in
    *"$POLICY"*) ;;
    *) mc admin policy attach shisha "$POLICY" --user "$S3_ACCESS_KEY_ID" ;;
esac
echo "minio-setup: bucket $S3_BUCKET ready; key $S3_ACCESS_KEY_ID may read and upload call-recordings/ in it"
