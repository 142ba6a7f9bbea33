// Runs office-addin-manifest-converter (XML → JSON) and exits non-zero when conversion fails.
// Its own CLI reports "Convert is complete" with exit code 0 even after an error, so tests use the API.
//   node convert-manifest.mjs <manifest.xml> <output-folder>
import { convert } from 'office-addin-manifest-converter';

const [xmlPath, outputFolder] = process.argv.slice(2);
if (!xmlPath || !outputFolder) {
  console.error('usage: node convert-manifest.mjs <manifest.xml> <output-folder>');
  process.exit(2);
}
convert(xmlPath, outputFolder, false, null, null, false).then(
  () => console.log(`converted ${xmlPath} → ${outputFolder}/manifest.json`),
  (error) => {
    console.error(`conversion failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
