-- Neovim (0.7+) as a second LSP editor for the bundled Pillar server, over stdio. Run headless:
--
--   PILLAR_SERVER=dist/server.js PILLAR_WORKSPACE=<copy of test/e2e/fixtures/workspace> \
--     nvim --headless -u NONE -i NONE -n -c "luafile test/e2e/nvim-lsp.lua"
--
-- Prints one "ok - ..." / "not ok - ..." line per check and "N passed, N failed"; exits 1 on any
-- failure. Set XDG_CACHE_HOME/XDG_STATE_HOME/XDG_DATA_HOME to temp folders: nvim writes lsp.log there.

local server = assert(os.getenv('PILLAR_SERVER'), 'set PILLAR_SERVER to the bundled server.js')
local root = assert(os.getenv('PILLAR_WORKSPACE'), 'set PILLAR_WORKSPACE to a copy of the fixture workspace')
local node = os.getenv('PILLAR_NODE') or 'node'
local TIMEOUT = 60000
local SEVERITY = { 'error', 'warning', 'info', 'hint' }

local passed, failed = 0, 0
local function out(line)
  io.stdout:write(line .. '\n')
end

local function check(name, ok, detail)
  if ok then
    passed = passed + 1
    out('ok - ' .. name)
  else
    failed = failed + 1
    out('not ok - ' .. name .. (detail and (': ' .. detail) or ''))
  end
  return ok
end

local function finish()
  out(string.format('%d passed, %d failed', passed, failed))
  io.stdout:flush()
  vim.cmd(failed == 0 and 'qall!' or 'cquit 1')
end

-- The latest publishDiagnostics params per URI, straight from the server (LSP positions).
local published = {}

-- Sorts `7:5-7:15 warning rule-id` lines by position, then text, and joins them.
local function joined(lines)
  table.sort(lines, function(a, b)
    local la, ca = a:match('^(%d+):(%d+)')
    local lb, cb = b:match('^(%d+):(%d+)')
    la, ca, lb, cb = tonumber(la), tonumber(ca), tonumber(lb), tonumber(cb)
    if la ~= lb then return la < lb end
    if ca ~= cb then return ca < cb end
    return a < b
  end)
  return table.concat(lines, ' | ')
end

local function summary(diagnostics)
  local lines = {}
  for _, d in ipairs(diagnostics) do
    local s, e = d.range.start, d.range['end']
    table.insert(lines, string.format('%d:%d-%d:%d %s %s', s.line + 1, s.character + 1, e.line + 1, e.character + 1, SEVERITY[d.severity], d.code))
  end
  return joined(lines)
end

local function wait_for(uri, predicate)
  vim.wait(TIMEOUT, function()
    return published[uri] ~= nil and predicate(published[uri].diagnostics)
  end, 20)
  return published[uri] and published[uri].diagnostics or {}
end

local function wait_for_summary(uri, expected)
  return summary(wait_for(uri, function(d) return summary(d) == expected end))
end

local function main()
  vim.cmd('filetype on')
  local root_uri = vim.uri_from_fname(root)
  local exit_code
  -- Neovim 0.7 answers workspace/configuration but does not advertise it (0.8+ does); the server
  -- reads settings only through that request, so say so here, as most Neovim setups do.
  local capabilities = vim.lsp.protocol.make_client_capabilities()
  capabilities.workspace.configuration = true
  local client_id = vim.lsp.start_client({
    name = 'pillar',
    cmd = { node, server, '--stdio' },
    root_dir = root,
    capabilities = capabilities,
    workspace_folders = { { uri = root_uri, name = 'workspace' } },
    -- Answered to the server's workspace/configuration requests for the `pillar` section.
    settings = { pillar = { rules = { ['cloudtrail-multi-region-enabled'] = 'info' } } },
    handlers = {
      ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
        vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
        published[result.uri] = result
      end,
    },
    on_exit = function(code)
      exit_code = code
    end,
  })
  if not check('Neovim launches the server', client_id ~= nil) then return end

  local template = root .. '/logging.yaml'
  local uri = vim.uri_from_fname(template)
  vim.cmd('edit ' .. vim.fn.fnameescape(template))
  local buf = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(buf, client_id)
  vim.wait(TIMEOUT, function()
    local c = vim.lsp.get_client_by_id(client_id)
    return exit_code ~= nil or (c ~= nil and c.initialized == true)
  end, 20)
  local client = vim.lsp.get_client_by_id(client_id)
  local caps = client and client.server_capabilities or {}
  -- The later checks need a running server and its first diagnostics: stop early without them.
  if not check('initialize: hover and code actions advertised', caps.hoverProvider == true and caps.codeActionProvider ~= nil, exit_code and ('the server exited with ' .. exit_code)) then return end

  local expected = joined({
    '7:5-7:15 warning cloudtrail-log-file-validation-enabled',
    '7:5-7:15 info cloudtrail-multi-region-enabled',
    '13:5-13:15 error s3-bucket-public-access-block',
    '24:19-24:28 error ec2-security-group-no-public-admin-ingress',
  })
  local got = wait_for_summary(uri, expected)
  if not check('diagnostics on open, with the severity override from the settings', got == expected, got) then return end
  check('the diagnostics reach vim.diagnostic', #vim.diagnostic.get(buf) == 4, tostring(#vim.diagnostic.get(buf)))

  local hover = client.request_sync('textDocument/hover', { textDocument = { uri = uri }, position = { line = 12, character = 6 } }, TIMEOUT, buf)
  local hover_text = hover and hover.result and hover.result.contents and hover.result.contents.value or ''
  check('hover over the bucket finding shows the guidance', hover_text:find('s3-bucket-public-access-block', 1, true) ~= nil
    and hover_text:find('**Why it matters.**', 1, true) ~= nil, hover_text:sub(1, 120))

  local bucket
  for _, d in ipairs(published[uri].diagnostics) do
    if d.code == 's3-bucket-public-access-block' then bucket = d end
  end
  local response = client.request_sync('textDocument/codeAction', {
    textDocument = { uri = uri },
    range = bucket.range,
    context = { diagnostics = { bucket }, only = { 'quickfix' } },
  }, TIMEOUT, buf)
  local fix
  for _, action in ipairs(response and response.result or {}) do
    if action.title == 'Block all public access' then fix = action end
  end
  check('code action "Block all public access" offered, preferred', fix ~= nil and fix.isPreferred == true)
  if not fix then return end

  local before = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  vim.lsp.util.apply_workspace_edit(fix.edit, client.offset_encoding or 'utf-16')
  local after = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  local inserted = table.concat(vim.list_slice(after, 15, 19), '\n')
  local block = table.concat({
    '      PublicAccessBlockConfiguration:',
    '        BlockPublicAcls: true',
    '        BlockPublicPolicy: true',
    '        IgnorePublicAcls: true',
    '        RestrictPublicBuckets: true',
  }, '\n')
  local unchanged = #after == #before + 5
  for i = 1, 14 do unchanged = unchanged and after[i] == before[i] end
  for i = 15, #before do unchanged = unchanged and after[i + 5] == before[i] end
  check('applying it inserts the block and leaves every other line as it was', inserted == block and unchanged, inserted)

  local expected_after = joined({
    '7:5-7:15 warning cloudtrail-log-file-validation-enabled',
    '7:5-7:15 info cloudtrail-multi-region-enabled',
    '29:19-29:28 error ec2-security-group-no-public-admin-ingress',
  })
  got = wait_for_summary(uri, expected_after)
  check('the finding goes away after the edit', got == expected_after, got)

  local policy = root .. '/policies/admin-policy.json'
  local policy_uri = vim.uri_from_fname(policy)
  vim.cmd('edit ' .. vim.fn.fnameescape(policy))
  vim.lsp.buf_attach_client(vim.api.nvim_get_current_buf(), client_id)
  got = wait_for_summary(policy_uri, '13:17-13:20 error iam-policy-no-wildcard-action')
  check('a standalone JSON policy gets its finding', got == '13:17-13:20 error iam-policy-no-wildcard-action', got)

  client.stop()
  vim.wait(TIMEOUT, function() return exit_code ~= nil end, 20)
  check('shutdown and exit: the server exits with 0', exit_code == 0, tostring(exit_code))
end

local ok, err = xpcall(main, debug.traceback)
if not ok then check('the script ran to the end', false, err) end
finish()
