// A minimal S3 client on Node's built-ins only (SigV4-signed GET and PUT), so this example needs no npm install.
// It reads the same settings as the AWS SDKs: AWS_ENDPOINT_URL_S3 / AWS_ENDPOINT_URL (set by `cls local run`),
// AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN (set by Lambda) and AWS_REGION.
// Code using @aws-sdk/client-s3 instead runs unchanged as well: vendor it with npm install --omit=dev.
import { createHash, createHmac } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';

const hash = (data) => createHash('sha256').update(data).digest('hex');
const hmac = (key, data) => createHmac('sha256', key).update(data).digest();
const encodeKey = (key) => key.split('/').map((part) => encodeURIComponent(part)
  .replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase())).join('/');

/** s3://bucket/key → { bucket, key } */
export function parse(uri) {
  const match = /^s3:\/\/([^/]+)\/(.*)$/.exec(uri);
  if (!match) throw new Error(`not an s3://bucket/key URI: ${uri}`);
  return { bucket: match[1], key: match[2] };
}

function request(method, uri, body = Buffer.alloc(0), contentType) {
  const { bucket, key } = parse(uri);
  const region = process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1';
  const endpoint = process.env.AWS_ENDPOINT_URL_S3 ?? process.env.AWS_ENDPOINT_URL;
  // a custom endpoint is addressed path-style, AWS virtual-host style
  const url = endpoint ? new URL(`${endpoint.replace(/\/$/, '')}/${bucket}/${encodeKey(key)}`)
    : new URL(`https://${bucket}.s3.${region}.amazonaws.com/${encodeKey(key)}`);
  const now = new Date().toISOString().replace(/[:-]|\.\d{3}/g, '');
  const day = now.slice(0, 8);
  const headers = { host: url.host, 'x-amz-content-sha256': hash(body), 'x-amz-date': now };
  if (contentType) headers['content-type'] = contentType;
  if (process.env.AWS_SESSION_TOKEN) headers['x-amz-security-token'] = process.env.AWS_SESSION_TOKEN;
  const names = Object.keys(headers).sort();
  const canonical = [method, url.pathname, '', ...names.map((n) => `${n}:${headers[n]}`), '',
    names.join(';'), headers['x-amz-content-sha256']].join('\n');
  const scope = `${day}/${region}/s3/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', now, scope, hash(canonical)].join('\n');
  let key2 = hmac('AWS4' + process.env.AWS_SECRET_ACCESS_KEY, day);
  for (const part of [region, 's3', 'aws4_request']) key2 = hmac(key2, part);
  headers.authorization = `AWS4-HMAC-SHA256 Credential=${process.env.AWS_ACCESS_KEY_ID}/${scope}, `
    + `SignedHeaders=${names.join(';')}, Signature=${createHmac('sha256', key2).update(toSign).digest('hex')}`;
  headers['content-length'] = String(body.length);
  return new Promise((resolve, reject) => {
    const req = (url.protocol === 'https:' ? https : http).request(url, { method, headers }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => {
        const data = Buffer.concat(chunks);
        if (res.statusCode >= 300) {
          reject(new Error(`${method} ${uri}: HTTP ${res.statusCode} ${data.toString().slice(0, 300)}`));
        } else {
          resolve(data);
        }
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

export const getObject = (uri) => request('GET', uri);
export const putObject = (uri, body, contentType = 'application/octet-stream') =>
  request('PUT', uri, Buffer.from(body), contentType);
