/**
 * The English message catalogue: every user-visible string of the UI, by key. `zh-CN.ts` must have
 * exactly the same keys (its type is `Catalogue`, so a missing or extra key is a type error).
 *
 * Conventions:
 * - `{name}` is a parameter filled by `t(key, {name})`; numbers passed as parameters are
 *   formatted for the locale (grouping, decimals) by `t`.
 * - A counted message has one key per plural category of `Intl.PluralRules` (`.one`, `.other`);
 *   `tn(key, count)` picks the right one and passes `{count}`. English uses both; Chinese has only
 *   the `other` form, but keeps both keys (same text) so the catalogues stay aligned.
 * - Keys are grouped by component; `load.*`, `table.*` and `profile.*` are for LoadPanel,
 *   TableView and ProfileCard.
 *
 * @example
 *   en['toolbar.share'] // 'Share'
 */
export const en = {
  // App
  'app.opening': 'Opening the notebook…',
  'app.failed': 'Tierbook could not start: {message}',

  // Language switch
  'lang.label': 'Language',
  'lang.en': 'EN',
  'lang.zh-CN': '中文',
  'lang.en.name': 'English',
  'lang.zh-CN.name': 'Simplified Chinese',

  // Workbench (side panel, notices)
  'side.aria': 'Notebook tools',
  'side.tagline': 'Customer value tiering & precision marketing',
  'side.notebooks': 'Notebooks',
  'side.backend': 'Training backend',
  'side.backend.auto': 'Auto (probe once)',
  'side.backend.wasm': 'WebAssembly',
  'side.backend.webgl': 'WebGL',
  'side.backend.cpu': 'CPU (plain JS)',
  'side.backend.trainedOn': 'Last model trained on {backend}',
  'side.backend.notYet': 'Chosen at the first training run',
  'side.privacy': 'Your data stays in this browser. Nothing is uploaded.',
  'main.aria': 'Notebook',
  'notice.dismiss': 'Dismiss',
  'notice.ownFile':
    "This notebook was shared with the sender's own file “{file}”. Their data is not in the link: load your copy of the file (Data → Load) to see the same numbers.",
  'present.privacy': 'Your data stays in this browser.',
  'present.leave': 'Leave presentation view',

  // Toolbar and its dialogs
  'toolbar.aria': 'Notebook actions',
  'toolbar.untitled': 'Notebook',
  'toolbar.undo': 'Undo',
  'toolbar.undo.title': 'Undo (Ctrl+Z)',
  'toolbar.redo': 'Redo',
  'toolbar.redo.title': 'Redo (Ctrl+Shift+Z)',
  'toolbar.share': 'Share',
  'toolbar.present': 'Present',
  'toolbar.editView': 'Edit view',
  'toolbar.more': 'More',
  'toolbar.download': 'Download notebook (.md)',
  'toolbar.open': 'Open notebook file…',
  'toolbar.report': 'Export HTML report',
  'toolbar.report.title': 'Tierbook report',
  'toolbar.theme.dark': 'Dark theme',
  'toolbar.theme.light': 'Light theme',
  'toolbar.reset': 'Reset to shipped notebook…',
  'toolbar.erase': 'Erase all local data…',
  'share.aria': 'Share',
  'share.title': 'Share this notebook',
  'share.body':
    'The link carries the notebook and every parameter value — never your data. Whoever opens it sees the same numbers on the same dataset.',
  'share.includeCode': 'Include my code edits (the viewer must approve them before they run)',
  'share.link': 'Share link',
  'share.copy': 'Copy link',
  'share.copied': 'Copied',
  'share.stakeholder': 'Open the stakeholder view',
  'dialog.close': 'Close',
  'dialog.cancel': 'Cancel',
  'reset.aria': 'Reset to shipped notebook',
  'reset.title': 'Reset to the shipped notebook?',
  'reset.body': 'These edits will be discarded (you can still undo until you close the page):',
  'reset.confirm': 'Reset',
  'erase.aria': 'Erase all local data',
  'erase.title': 'Erase all local data?',
  'erase.body':
    'This deletes every saved draft and setting of Tierbook in this browser and reloads the page. Files you loaded were never stored.',
  'erase.confirm': 'Erase and reload',

  // Trust banner
  'trust.title': 'This notebook contains code that did not ship with Tierbook',
  'trust.before': 'It comes from a link or a file. It has ',
  'trust.notRun': 'not run',
  'trust.after.one':
    '. Read what differs from the notebook you have ({count} changed line), and run it only if you trust where it came from. Until then you see the shipped notebook.',
  'trust.after.other':
    '. Read what differs from the notebook you have ({count} changed lines), and run it only if you trust where it came from. Until then you see the shipped notebook.',
  'trust.run': 'Trust and run',
  'trust.keep': 'Keep the shipped code',

  // Cell status (cells and the pipeline map)
  'status.idle': 'not run',
  'status.queued': 'queued',
  'status.running': 'running',
  'status.done': 'done',
  'status.error': 'error',
  'status.stale': 'stale',
  'status.cancelled': 'cancelled',

  // Cells
  'cell.aria': 'Cell {name}, {status}',
  'cell.actions': 'Cell actions',
  'cell.moveUp': 'Move cell up',
  'cell.moveUp.title': 'Move up',
  'cell.moveDown': 'Move cell down',
  'cell.moveDown.title': 'Move down',
  'cell.addCode': 'Add code cell below',
  'cell.addCode.title': 'Add a code cell below',
  'cell.addCode.button': '+ code',
  'cell.addText': 'Add text cell below',
  'cell.addText.title': 'Add a text cell below',
  'cell.addText.button': '+ text',
  'cell.delete': 'Delete cell',
  'cell.delete.title': 'Delete (undo with Ctrl+Z)',
  'cell.editText': 'Edit text',
  'cell.edited': 'edited',
  'cell.edited.title': 'Differs from the shipped notebook',
  'cell.run': 'Run',
  'cell.cancel': 'Cancel',
  'cell.toggleCode': 'Show or hide the code',
  'cell.unsaved': 'Unsaved change —',
  'cell.runShortcut': 'Run (Shift+Enter)',
  'cell.revert': 'Revert',
  'cell.ms.lt1': '<1 ms',
  'cell.ms': '{ms} ms',
  'cell.s': '{s} s',
  'cell.translationStale': 'Translation out of date — showing the English text.',
  'cell.translationStale.title': 'The English text changed after it was translated.',

  // Output (charts, training)
  'output.export': 'Export chart',
  'output.svg': 'SVG',
  'output.png': 'PNG',
  'output.rasterError': 'the chart could not be rasterised',
  'output.running': 'Running…',
  'train.progress': 'Training progress',
  'train.done.one': 'Trained {count} iteration',
  'train.done.other': 'Trained {count} iterations',
  'train.in': ' in {ms} ms',
  'train.on': ' on ',
  'train.finalLoss': ', final loss {loss}',
  'train.iteration': 'Iteration {iteration} / {iterations}',
  'train.loss': ' — loss {loss}',
  'train.cancel': 'Cancel',

  // Pipeline map and the method's stages
  'map.aria': 'Pipeline map',
  'map.title': 'Pipeline',
  'map.pip': '{name}: {status}',
  'stage.load': 'Load',
  'stage.preprocess': 'Preprocess',
  'stage.profile': 'Profile',
  'stage.tiers': 'Value tiers',
  'stage.model': 'Purchase model',
  'stage.recommend': 'Recommendations',
  'stage.strategy': 'Ad strategy',
  'stage.feedback': 'Feedback',

  // Widgets
  'widget.notLoaded': '{name} (not loaded)',
  'widget.yourFile': '{name} (your file)',
  'dataset.online-retail': 'UCI Online Retail (541,909 lines)',
  'dataset.online-shoppers': 'UCI Online Shoppers Purchasing Intention (12,330 sessions)',

  // Column roles
  'roles.legend': 'Column roles',
  'roles.hint': 'detected from names and types — correct any that are wrong',
  'roles.required': 'required',
  'roles.none': '— none —',
  'role.customer': 'customer id',
  'role.order': 'order / invoice id',
  'role.time': 'timestamp',
  'role.quantity': 'quantity',
  'role.price': 'unit price',
  'role.amount': 'amount',
  'role.item': 'item id',
  'role.itemName': 'item name',
  'role.category': 'category',
  'role.country': 'country',

  // Inspector
  'inspect.table.one': 'Table({count} row)',
  'inspect.table.other': 'Table({count} rows)',
  'inspect.anonymous': '(anonymous)',

  // LoadPanel
  'load.aria': 'Data',
  'load.title': 'Data',
  'load.pick': 'Load CSV, Arrow or Parquet…',
  'load.dropHint': 'or drop a file anywhere on the page',
  'load.url': 'File URL',
  'load.fetch': 'Fetch',
  'load.downloading': 'Downloading {file}',
  'load.loading': 'Loading {file}',
  'load.phase.download': 'downloading {file}',
  'load.phase.read': 'reading {file}',
  'load.cancel': 'Cancel',
  'load.loaded': '{file}: loaded {rows} rows, {columns} columns',
  'load.skipped.one': '; {count} row skipped',
  'load.skipped.other': '; {count} rows skipped',
  'load.cancelled': 'Loading {file} was cancelled.',
  'load.more': '… and {count} more',
  'load.downloadSkipped': 'download the skipped rows (CSV)',
  'load.drop': 'Drop your CSV, Arrow or Parquet file to load it',
  'load.large': 'Keep CSV files over {size} MB on disk for DuckDB',
  'load.largeAria': 'Large-file threshold in MB',
  'load.kept': '{file} ({mb} MB) stays on disk: DuckDB reads it in its worker when an engine cell runs (notebook “Data that outgrows the tab”). A cell that needs its raw lines loads it into this tab.',

  // TableView
  'table.size': '{rows} × {columns}',
  'table.rows.one': '{count} row',
  'table.rows.other': '{count} rows',
  'table.columns.one': '{count} column',
  'table.columns.other': '{count} columns',
  'table.previous': 'Previous page',
  'table.next': 'Next page',
  'table.page': '{page} / {pages}',
  'table.moreRows': 'More rows',
  'table.csv': 'CSV',
  'table.csv.title': 'Download as CSV',
  'table.openCustomer': "Open the customer's profile card",

  // Share-link and boot notices (src/notebook/share.ts reasons, src/ui/boot.ts)
  'share.error.tooLong': "This link's state is {length} characters long, more than the {max} accepted; opening the defaults.",
  'share.error.malformed': 'This link is damaged (its state is not in the expected form); opening the defaults.',
  'share.error.newer': 'This link was made by a newer Tierbook (state version {version}; this one reads {supported}); opening the defaults.',
  'share.error.decompress': 'This link is damaged (its state could not be decompressed); opening the defaults.',
  'share.error.noNotebook': 'This link is damaged (its state has no notebook or parameters); opening the defaults.',
  'share.error.codeNotText': 'This link is damaged (its code is not text); opening the defaults.',
  'boot.unknownNotebook': 'This link opens a notebook (`{id}`) this version of Tierbook does not ship; showing the default notebook.',

  // ProfileCard
  'profile.title': 'Customer {customer}',
  'profile.close': 'Close',
  'profile.history.aria.one': 'Order history: {count} order',
  'profile.history.aria.other': 'Order history: {count} orders',
  'profile.history.one': '{count} order, {first} → {last}; spend per order (max {max})',
  'profile.history.other': '{count} orders, {first} → {last}; spend per order (max {max})',
  'profile.noOrders': 'No orders after cleaning.',
  'profile.noRow': 'This customer has no profile row (removed by cleaning, or the notebook defines no profile).',
} satisfies Record<string, string>;

export type MessageKey = keyof typeof en;

/** A catalogue for one locale: every key of the English one, nothing else. */
export type Catalogue = Record<MessageKey, string>;
