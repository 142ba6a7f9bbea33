// Where the manifest tests find the project's files and the tools outside it.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const manifestPath = join(repoRoot, 'manifest.xml');
export const assetsDir = join(repoRoot, 'assets');

/** The Office XSD files are not part of the project: CI puts `shared/` beside the clone. */
export const manifestXsdDir = resolve(repoRoot, '..', 'shared', 'office-manifest-xsd');
export const manifestXsdPath = join(manifestXsdDir, 'OfficeAppManifestV1_1.xsd');

export const forbidNetworkPreload = join(repoRoot, 'test', 'manifest', 'support', 'forbid-network.mjs');
export const converterRunner = join(repoRoot, 'test', 'manifest', 'support', 'convert-manifest.mjs');
export const manifestCli = join(repoRoot, 'node_modules', 'office-addin-manifest', 'cli.js');
