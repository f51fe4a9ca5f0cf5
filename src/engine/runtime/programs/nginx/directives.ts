// Which directives nginx knows and where each may stand. nginx refuses a configuration with a
// directive it does not know (`unknown directive "lisen"`) or one in the wrong block (`"listen"
// directive is not allowed here`). The list covers the modules of nginx.org's packages that a
// student meets; the contents of `types`, `map`, `upstream`, `geo` and `split_clients` blocks are
// data, not directives, and are not checked.
import { NginxConfigError } from './conf-error';
import type { Directive } from './conf-parse';

export type Context = 'main' | 'events' | 'http' | 'server' | 'location' | 'if' | 'stream' | 'mail' | 'limit_except';

const HTTP_ANY: readonly Context[] = ['http', 'server', 'location', 'if'];
const SERVER_LOCATION: readonly Context[] = ['server', 'location', 'if'];
const ANYWHERE: readonly Context[] = ['main', 'events', 'http', 'server', 'location', 'if', 'stream', 'mail'];

/** Blocks whose insides are data rather than directives. */
export const DATA_BLOCKS = new Set(['types', 'map', 'upstream', 'geo', 'split_clients', 'match']);

const rules = new Map<string, readonly Context[]>();
function allow(contexts: readonly Context[], names: string): void {
  for (const n of names.trim().split(/\s+/)) rules.set(n, contexts);
}

allow(
  ['main'],
  `user worker_processes pid daemon master_process worker_rlimit_nofile load_module env pcre_jit
  thread_pool worker_cpu_affinity worker_priority worker_shutdown_timeout lock_file timer_resolution
  working_directory events http stream mail ssl_engine debug_points worker_rlimit_core`,
);
allow(ANYWHERE, 'include error_log');
allow(['events'], 'worker_connections use multi_accept accept_mutex accept_mutex_delay debug_connection');
allow(
  ['http'],
  `server log_format upstream map server_names_hash_bucket_size server_names_hash_max_size
  types_hash_max_size types_hash_bucket_size variables_hash_max_size variables_hash_bucket_size
  limit_req_zone limit_conn_zone proxy_cache_path fastcgi_cache_path geo split_clients js_import js_path`,
);
allow(
  ['http', 'server'],
  `ssl_protocols ssl_ciphers ssl_prefer_server_ciphers ssl_session_cache
  ssl_session_timeout ssl_session_tickets ssl_dhparam ssl_certificate ssl_certificate_key underscores_in_headers
  ignore_invalid_headers large_client_header_buffers client_header_buffer_size client_header_timeout
  merge_slashes keepalive_requests http2`,
);
allow(['server'], 'listen server_name');
allow(['server', 'location'], 'location');
allow(['location'], 'internal alias limit_except proxy_pass_request_body js_content');
allow(SERVER_LOCATION, 'return rewrite set if break try_files proxy_pass fastcgi_pass uwsgi_pass grpc_pass');
allow([...HTTP_ANY, 'limit_except'], 'allow deny');
allow(
  HTTP_ANY,
  `sendfile tcp_nopush tcp_nodelay keepalive_timeout gzip gzip_types gzip_min_length gzip_comp_level
  gzip_vary gzip_proxied gzip_disable gzip_static gzip_http_version gzip_buffers default_type types access_log
  root index error_page client_max_body_size client_body_buffer_size client_body_timeout server_tokens charset
  source_charset add_header expires autoindex autoindex_exact_size autoindex_format autoindex_localtime etag
  if_modified_since proxy_set_header proxy_http_version proxy_read_timeout proxy_connect_timeout
  proxy_send_timeout proxy_buffering proxy_buffers proxy_buffer_size proxy_redirect proxy_cache
  proxy_cache_valid proxy_hide_header proxy_pass_header proxy_intercept_errors proxy_next_upstream
  proxy_ssl_verify fastcgi_param fastcgi_index fastcgi_read_timeout fastcgi_buffers fastcgi_buffer_size
  fastcgi_intercept_errors uwsgi_param resolver resolver_timeout send_timeout open_file_cache
  open_file_cache_valid open_file_cache_min_uses open_file_cache_errors limit_req limit_conn
  limit_req_status limit_conn_status auth_basic auth_basic_user_file absolute_redirect port_in_redirect
  server_name_in_redirect msie_padding msie_refresh real_ip_header set_real_ip_from real_ip_recursive
  sub_filter sub_filter_once sub_filter_types log_not_found log_subrequest recursive_error_pages
  output_buffers postpone_output aio directio lingering_close lingering_time lingering_timeout reset_timedout_connection
  satisfy chunked_transfer_encoding ssi add_trailer keepalive_disable max_ranges open_log_file_cache
  client_body_temp_path proxy_temp_path fastcgi_temp_path uwsgi_temp_path scgi_temp_path`,
);

/** nginx's check of each directive's name and place; throws the `[emerg]` nginx would print. */
export function checkDirectives(list: readonly Directive[], context: Context = 'main'): void {
  for (const d of list) {
    const contexts = rules.get(d.name);
    if (contexts === undefined) throw new NginxConfigError(`unknown directive "${d.name}"`, d.file, d.line);
    if (!contexts.includes(context)) {
      throw new NginxConfigError(`"${d.name}" directive is not allowed here`, d.file, d.line);
    }
    const isBlock = ['events', 'http', 'server', 'location', 'if', 'limit_except', 'stream', 'mail'].includes(d.name);
    if (d.block !== undefined && !isBlock && !DATA_BLOCKS.has(d.name)) {
      throw new NginxConfigError(`directive "${d.name}" is not terminated by ";"`, d.file, d.line);
    }
    if (d.block === undefined && (isBlock || DATA_BLOCKS.has(d.name))) {
      throw new NginxConfigError(`directive "${d.name}" has no opening "{"`, d.file, d.line);
    }
    if (d.block !== undefined && !DATA_BLOCKS.has(d.name)) checkDirectives(d.block, d.name as Context);
  }
}
