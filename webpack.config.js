// Builds the task pane (and, outside production, the preview page that stands in for Outlook).
//
//   npm run build       production: dist/ with taskpane.html (Office.js from Microsoft's CDN), assets/ and
//                       manifest.xml rewritten from https://localhost:3000 to $ADDIN_BASE_URL (required: the
//                       build stops with a message when it is unset, so a manifest never ships pointing at
//                       localhost by accident). $TRACKER_URL sets the pane's default tracker (and the manifest's
//                       AppDomain); it defaults to https://localhost:3001.
//   npm run build:dev   development build into dist/, with the preview pages and a local copy of Office.js.
//   npm run dev-server  the same over HTTPS on port 3000 (certificates from scripts/dev-certs.mjs).
//   --env preview       adds the preview pages to a production build, written to dist-preview/ (or
//                       --env outputPath=DIR) and never to dist/: the end-to-end tests drive the real
//                       production bundle this way, while production itself never ships the stand-in.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import webpack from 'webpack';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import CopyWebpackPlugin from 'copy-webpack-plugin';
import { DEV_TRACKER_BASE_URL, normalizeBaseUrl, rewriteManifestUrls } from './scripts/manifest-urls.mjs';

const root = path.dirname(fileURLToPath(import.meta.url));
const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const OFFICE_JS_LOCAL = '/office-js/office.js';
const DEV_PORT = 3000;

export default async function config(env = {}, argv = {}) {
  const mode = argv.mode ?? env.mode ?? 'production';
  const production = mode === 'production';
  const serving = process.env.WEBPACK_SERVE === 'true';
  const withPreview = !production || Boolean(env.preview);
  const shipsManifest = production && !env.preview;
  const trackerUrl = process.env.TRACKER_URL?.trim() || DEV_TRACKER_BASE_URL;
  const addinBaseUrl = shipsManifest ? requireAddinBaseUrl() : undefined;
  const outputPath = env.outputPath
    ? path.resolve(env.outputPath)
    : path.join(root, production && env.preview ? 'dist-preview' : 'dist');

  const page = (filename, template, chunks, options = {}) =>
    new HtmlWebpackPlugin({
      filename,
      template: path.join(root, template),
      chunks,
      chunksSortMode: 'manual',
      ...options,
    });

  return {
    mode,
    context: root,
    devtool: production ? (env.preview ? false : 'source-map') : 'eval-cheap-module-source-map',
    entry: {
      taskpane: './src/taskpane/index.tsx',
      ...(withPreview && {
        preview: './src/preview/preview-page.ts',
        'office-stand-in': './src/preview/install-office-stand-in.ts',
        'preview-recipient': './src/preview/recipient/recipient-page.ts',
      }),
    },
    output: {
      path: outputPath,
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      chunkFilename: production ? '[name].[contenthash:8].js' : '[name].js',
      publicPath: 'auto',
      clean: true,
    },
    // Transformed modules and minified output are kept in node_modules/.cache/webpack, so a second build
    // (the end-to-end tests make two) redoes only what changed.
    cache: { type: 'filesystem', buildDependencies: { config: [fileURLToPath(import.meta.url)] } },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: [
            // Loaders run bottom-up: TypeScript first, then Griffel precomputes every makeStyles call at build
            // time, so the pane ships class names and CSS instead of the runtime style compiler.
            '@griffel/webpack-loader',
            {
              loader: 'ts-loader',
              // Type-checking runs separately (`npm run check`); here TypeScript only strips types.
              options: { transpileOnly: true, compilerOptions: { noEmit: false, sourceMap: !production } },
            },
          ],
        },
      ],
    },
    plugins: [
      new webpack.DefinePlugin({ TRACKER_URL: JSON.stringify(trackerUrl) }),
      page('taskpane.html', 'src/taskpane/taskpane.html', ['taskpane'], {
        officeJsUrl: production ? OFFICE_JS_CDN : OFFICE_JS_LOCAL,
      }),
      // The invitation detector is its own chunk (src/taskpane/index.tsx imports it at boot); the page asks
      // for it up front, so it downloads alongside Office.js and the pane's script rather than after them.
      new PreloadChunkPlugin({ chunkName: 'detector', onPagesWith: 'taskpane' }),
      ...(withPreview
        ? [
            page('preview.html', 'src/preview/preview.html', ['preview']),
            // The stand-in must define `Office` before the pane's bundle runs: scripts keep this order.
            page('preview-pane.html', 'src/preview/preview-pane.html', ['office-stand-in', 'taskpane']),
            // "Open as recipient" (issue 5): the reply as the recipient's webmail shows it.
            page('preview-recipient.html', 'src/preview/recipient/preview-recipient.html', [
              'preview-recipient',
            ]),
          ]
        : []),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets', to: 'assets' },
          ...(shipsManifest
            ? [
                {
                  from: 'manifest.xml',
                  to: 'manifest.xml',
                  transform: (content) =>
                    rewriteManifestUrls(content.toString('utf8'), {
                      addinBaseUrl,
                      trackerBaseUrl: process.env.TRACKER_URL?.trim() || undefined,
                    }),
                },
              ]
            : []),
          // Development serves Office.js from the npm package so everything works offline. Only what
          // Outlook loads is copied (the package holds every host and locale: 86 MB).
          ...(production
            ? []
            : [
                {
                  from: 'node_modules/@microsoft/office-js/dist',
                  to: 'office-js',
                  globOptions: {
                    ignore: [
                      '**/*.debug.js',
                      '**/*-vsdoc.js',
                      '**/*.d.ts',
                      '**/{access,excel,excelios,excelwebapp,onenote,powerpoint,powerpointios,project,word,wordios,custom-functions,html2canvas}*.js',
                    ],
                  },
                },
              ]),
        ],
      }),
    ],
    performance: {
      // The real budgets (130 KiB gzipped for the pane's initial JS, and one for the detector chunk) are checked
      // by test/e2e/production-build.test.ts; these hints only catch a runaway minified size during a build.
      hints: production ? 'warning' : false,
      maxEntrypointSize: 480 * 1024,
      maxAssetSize: 480 * 1024,
      assetFilter: (file) =>
        file.endsWith('.js') && !file.startsWith('office-stand-in') && !file.startsWith('preview'),
    },
    devServer: serving ? await devServerOptions() : undefined,
  };
}

/** Adds `<link rel="preload" as="script">` for a named async chunk to every page that loads a given entry. */
class PreloadChunkPlugin {
  constructor({ chunkName, onPagesWith }) {
    this.chunkName = chunkName;
    this.entry = onPagesWith;
  }

  apply(compiler) {
    compiler.hooks.compilation.tap('PreloadChunkPlugin', (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTags.tap('PreloadChunkPlugin', (data) => {
        if (!data.plugin.options.chunks?.includes(this.entry)) return data;
        const group = compilation.namedChunkGroups.get(this.chunkName);
        // A renamed chunk must not quietly lose its preload.
        if (!group) throw new Error(`PreloadChunkPlugin: no chunk named "${this.chunkName}".`);
        const files = group.chunks
          .flatMap((chunk) => [...chunk.files])
          .filter((file) => file.endsWith('.js'));
        for (const file of files)
          data.assetTags.scripts.push(
            HtmlWebpackPlugin.createHtmlTagObject('link', {
              rel: 'preload',
              as: 'script',
              href: data.publicPath + file,
            }),
          );
        return data;
      });
    });
  }
}

function requireAddinBaseUrl() {
  try {
    return normalizeBaseUrl(process.env.ADDIN_BASE_URL, 'ADDIN_BASE_URL');
  } catch (error) {
    throw new Error(
      `${error.message}\nA production build writes dist/manifest.xml, which must point at the HTTPS origin ` +
        `that will host dist/. Example: ADDIN_BASE_URL=https://politely.example.com npm run build`,
    );
  }
}

async function devServerOptions() {
  return {
    port: DEV_PORT,
    server: await httpsServerOptions(),
    // Outlook loads the pane from another origin in some clients; the dev server answers any of them.
    headers: { 'Access-Control-Allow-Origin': '*' },
    allowedHosts: 'all',
    static: false,
    hot: false,
    client: { overlay: { warnings: false, errors: true } },
    open: false,
  };
}

async function httpsServerOptions() {
  try {
    const { loadDevCertificates } = await import('./scripts/dev-certs.mjs');
    const { key, cert } = await loadDevCertificates();
    return { type: 'https', options: { key, cert } };
  } catch (error) {
    if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
    console.warn('scripts/dev-certs.mjs not found: using webpack-dev-server’s own self-signed certificate.');
    return 'https';
  }
}
