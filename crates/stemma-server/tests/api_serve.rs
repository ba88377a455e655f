//! The server over a real loopback socket: it answers, takes an upload with the token,
//! refuses a non-loopback bind without one, and stops on its shutdown signal with the job
//! writer ended. Everything logged meanwhile (at TRACE) is captured: the token never appears.

mod api_support;

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use stemma_server::{serve, ServeError, ServerConfig};

const TOKEN: &str = "loopback-T0ken-never-logged";

/// The log, captured from every thread.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// One HTTP/1.1 exchange on a fresh connection: the status line's code and the body.
fn http(
    addr: SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> (u16, String) {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    let mut req = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (k, v) in headers {
        req.push_str(&format!("{k}: {v}\r\n"));
    }
    req.push_str("\r\n");
    s.write_all(req.as_bytes()).unwrap();
    s.write_all(body).unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).unwrap();
    let code = out
        .split(' ')
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let body = out
        .split_once("\r\n\r\n")
        .map_or("", |(_, b)| b)
        .to_string();
    (code, body)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn serves_on_loopback_and_stops_on_the_signal_without_logging_the_token() {
    let log = Captured::default();
    let writer = log.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .finish();
    tracing::subscriber::set_global_default(subscriber).unwrap();

    let (_tmp, data) = api_support::archive();
    // no token: a non-loopback address is refused before anything listens
    let open = ServerConfig {
        data: data.clone(),
        bind: "0.0.0.0:0".parse().unwrap(),
        token: None,
        max_upload: 1 << 20,
    };
    let refused = serve(open, |_| panic!("listened"), async {}).await;
    assert!(
        matches!(refused, Err(ServeError::TokenRequired(_))),
        "{refused:?}"
    );

    let config = ServerConfig {
        data,
        bind: "127.0.0.1:0".parse().unwrap(),
        token: Some(TOKEN.into()),
        max_upload: 1 << 20,
    };
    assert!(!format!("{config:?}").contains(TOKEN));
    tracing::info!(?config, "test: the configuration as a log line shows it");
    let (addr_tx, addr_rx) = std::sync::mpsc::channel();
    let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(serve(
        config,
        move |a| addr_tx.send(a).unwrap(),
        async move {
            let _ = stop_rx.await;
        },
    ));
    let addr = tokio::task::spawn_blocking(move || addr_rx.recv_timeout(Duration::from_secs(10)))
        .await
        .unwrap()
        .unwrap();
    assert!(addr.ip().is_loopback());

    let client = tokio::task::spawn_blocking(move || {
        let (code, body) = http(addr, "GET", "/api/stats", &[], b"");
        assert_eq!(code, 200, "{body}");
        assert!(body.contains("\"articles\":4"), "{body}");
        let wrong = format!("Bearer {TOKEN}-wrong");
        let (code, body) = http(
            addr,
            "POST",
            "/api/ingest",
            &[("Content-Type", "text/html"), ("Authorization", &wrong)],
            api_support::page(1).as_bytes(),
        );
        assert_eq!(code, 401, "{body}");
        let right = format!("Bearer {TOKEN}");
        let (code, body) = http(
            addr,
            "POST",
            "/api/ingest",
            &[("Content-Type", "text/html"), ("Authorization", &right)],
            api_support::page(1).as_bytes(),
        );
        assert_eq!(code, 202, "{body}");
        let job: serde_json::Value = serde_json::from_str(&body).unwrap();
        let id = job["id"].as_u64().unwrap();
        for _ in 0..600 {
            let (_, body) = http(addr, "GET", &format!("/api/jobs/{id}"), &[], b"");
            if body.contains("\"state\":\"done\"") {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("the job did not finish");
    });
    client.await.unwrap();

    stop_tx.send(()).unwrap();
    let stopped = tokio::time::timeout(Duration::from_secs(30), server)
        .await
        .expect("the server did not stop on its signal")
        .unwrap();
    assert!(stopped.is_ok(), "{stopped:?}");
    assert!(TcpStream::connect(addr).is_err(), "still listening");

    let text = String::from_utf8_lossy(&log.0.lock().unwrap()).to_string();
    assert!(text.contains("upload spooled"), "nothing captured: {text}");
    assert!(!text.contains(TOKEN), "the token is in the log:\n{text}");
}
