// Independent check of a Kompetenz Open Badge (JSON file given as the argument) with the
// W3C VC reference stack: @digitalbazaar/vc + data-integrity + eddsa-rdfc-2022-cryptosuite.
// Offline: the loader serves the contexts Kompetenz bundles and the DID document of the
// badge's own did:key; any other URL fails. Exit status 0: verified, 1: not verified.
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {fileURLToPath} from 'node:url';
import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';

const require = createRequire(import.meta.url);
const contextsDir = fileURLToPath(new URL('../../../resources/contexts/', import.meta.url));
const documents = new Map([
  ['https://www.w3.org/ns/credentials/v2',
    JSON.parse(readFileSync(contextsDir + 'credentials-v2.jsonld', 'utf8'))],
  ['https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    JSON.parse(readFileSync(contextsDir + 'ob-v3p0-context-3.0.3.json', 'utf8'))],
  ['https://w3id.org/security/multikey/v1',
    require('@digitalbazaar/multikey-context').CONTEXT],
  ['https://www.w3.org/ns/did/v1', require('did-context').CONTEXT],
]);

function addDidKey(verificationMethod) {
  const [did, fragment] = verificationMethod.split('#');
  if(!did.startsWith('did:key:') || did.slice('did:key:'.length) !== fragment) {
    throw new Error('only did:key issuers can be checked offline: ' + verificationMethod);
  }
  const method = {
    id: verificationMethod, type: 'Multikey', controller: did, publicKeyMultibase: fragment
  };
  documents.set(verificationMethod,
    {'@context': 'https://w3id.org/security/multikey/v1', ...method});
  documents.set(did, {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
    id: did, verificationMethod: [method], assertionMethod: [verificationMethod]
  });
}

async function documentLoader(url) {
  if(!documents.has(url)) {
    throw new Error('not bundled, not fetched: ' + url);
  }
  return {contextUrl: null, documentUrl: url, document: documents.get(url)};
}

const credential = JSON.parse(readFileSync(process.argv[2], 'utf8'));
addDidKey(credential.proof.verificationMethod);
const result = await vc.verifyCredential({
  credential, documentLoader, suite: new DataIntegrityProof({cryptosuite})
});
if(result.verified) {
  console.log('verified');
} else {
  const errors = (result.error?.errors || [result.error]).map(e => e?.message || String(e));
  console.log('NOT verified: ' + errors.join('; '));
}
process.exit(result.verified ? 0 : 1);
