//! `src/main.rs` of the CLI crate: the generated client plugged into the runtime as its
//! backend, and `main`.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use crate::model::Api;

/// The tokens of `src/main.rs`; `client` is the client crate's library name.
pub(super) fn main_rs(api: &Api, client: &str, binary: &str) -> TokenStream {
    // The client crate's name is also the tracing target of its spans.
    let trace_target = client;
    let client = format_ident!("{client}");
    let doc = format!(
        " `{binary}`: a command line for {}, generated from its OpenAPI description; see the README.",
        api.title
    );
    let (pages_fn, pages_of) = pages(api, &client);
    quote! {
        #![doc = #doc]

        mod commands;
        mod runtime;

        use std::process::ExitCode;
        use std::time::Duration;

        use #client::serde_json::value::RawValue;
        use #client::{Client, Error, Method, RequestBuilder};
        use futures::stream::{BoxStream, StreamExt};
        use runtime::call::{Body, Call};
        use runtime::exit::Failure;
        use runtime::output::Data;
        use runtime::run::{Answer, Backend, Connection};

        /// The generated client, as the runtime's backend: every command is a request of the
        /// client, with its authentication, pacing, retries and errors.
        struct Api {
            client: Client,
        }

        impl Backend for Api {
            const TRACE_TARGET: &'static str = #trace_target;

            fn connect(connection: &Connection<'_>) -> Result<Self, Failure> {
                let mut builder = Client::builder(connection.base_url);
                if let Some(token) = connection.token {
                    builder = builder.bearer_token(token);
                }
                if connection.rate_limit > 0 {
                    builder = builder.rate_limit(connection.rate_limit, Duration::from_secs(60));
                }
                let client = builder.build().map_err(failure)?;
                Ok(Api { client })
            }

            async fn send(&self, call: &Call, raw: bool) -> Result<Answer, Failure> {
                let request = self.request(call)?;
                // Decoded as an `Option`: an answer without data (`data: null`, no `data`, a 204,
                // an empty body) is a success with nothing to print.
                if raw {
                    let answer = request.send::<Option<Box<RawValue>>>().await.map_err(failure)?;
                    Ok(Answer {
                        pages: #pages_of,
                        message: answer.message,
                        data: answer.data.map_or(Data::Empty, Data::Raw),
                    })
                } else {
                    let answer = request.send::<Option<#client::serde_json::Value>>().await.map_err(failure)?;
                    Ok(Answer {
                        pages: #pages_of,
                        message: answer.message,
                        data: answer.data.map_or(Data::Empty, Data::Parsed),
                    })
                }
            }

            fn pages(&self, call: &Call, page: &str) -> Result<BoxStream<'static, Result<Answer, Failure>>, Failure> {
                let pages = self.request(call)?.pages::<Box<RawValue>>(page).map(|answer| {
                    let answer = answer.map_err(failure)?;
                    Ok(Answer {
                        pages: #pages_of,
                        message: answer.message,
                        data: Data::Items(answer.data),
                    })
                });
                Ok(pages.boxed())
            }
        }

        impl Api {
            /// `call` as a request of the client: any endpoint, through `Client::request`.
            fn request(&self, call: &Call) -> Result<RequestBuilder, Failure> {
                let method = Method::from_bytes(call.method.as_bytes())
                    .map_err(|_| Failure::Usage(format!("`{}` is not an HTTP method", call.method)))?;
                let mut request = self.client.request(method, &call.path);
                if let Some(operation) = call.operation {
                    request = request.operation_id(operation);
                }
                for (name, value) in &call.query {
                    request = request.query(name.as_str(), value);
                }
                for (name, value) in &call.headers {
                    request = request.header(name.as_str(), value.as_str());
                }
                request = match &call.body {
                    None => request,
                    Some(Body::Json(value)) => request.json(value),
                    Some(Body::Form(value)) => request.form(value),
                    Some(Body::Raw { bytes, media_type, .. }) => request.body(bytes.clone(), media_type),
                };
                Ok(request)
            }
        }

        #pages_fn

        /// The runtime's failure, with its exit code, for an error of the client.
        fn failure(error: Error) -> Failure {
            match error {
                Error::Unauthorized(answer) => Failure::Unauthorized(answer.to_string()),
                Error::Forbidden(answer) => Failure::Forbidden(answer.to_string()),
                Error::NotFound(answer) => Failure::NotFound(answer.to_string()),
                Error::Validation(answer) => Failure::Validation {
                    message: answer.message().unwrap_or("the server refused the input").to_string(),
                    fields: answer
                        .field_errors()
                        .iter()
                        .map(|(field, messages)| (field.clone(), messages.clone()))
                        .collect(),
                },
                Error::RateLimited { retry_after, error } => Failure::RateLimited {
                    message: error.to_string(),
                    wait: retry_after,
                },
                Error::Api(answer) | Error::Unsuccessful(answer) => {
                    Failure::for_status(answer.status().as_u16(), answer.to_string())
                }
                error @ (Error::Transport(_) | Error::Decode(_) | Error::ResponseTooLarge { .. }) => {
                    Failure::Transport(error.to_string())
                }
                error @ Error::Encode { .. } => Failure::Usage(error.to_string()),
                other => Failure::Other(other.to_string()),
            }
        }

        #[tokio::main(flavor = "current_thread")]
        async fn main() -> ExitCode {
            runtime::run::run::<Api>(&commands::APP, std::env::args_os()).await
        }
    }
}

/// A function reading `(current page, last page)` from an answer's metadata, and the
/// expression that calls it on `answer` (`None` when the spec's answers say nothing of pages).
fn pages(api: &Api, client: &proc_macro2::Ident) -> (TokenStream, TokenStream) {
    let (Some(info), Some(_)) = (&api.page_info, &api.envelope) else {
        return (TokenStream::new(), quote!(None));
    };
    let access = |(name, optional): &(String, bool)| {
        let ident = format_ident!("{}", name);
        if *optional {
            quote!(#ident?)
        } else {
            quote!(#ident)
        }
    };
    let (meta_field, meta_optional) = &info.meta_field;
    let meta_field = format_ident!("{}", meta_field);
    let description = if *meta_optional {
        quote!(let page = meta.#meta_field.as_ref()?;)
    } else {
        quote!(let page = &meta.#meta_field;)
    };
    let current = access(&info.current_page);
    let last = access(&info.last_page);
    let function = quote! {
        /// The page an answer holds and the last one, from its metadata.
        fn pages(meta: Option<&#client::Meta>) -> Option<(i64, i64)> {
            let meta = meta?;
            #description
            Some((page.#current, page.#last))
        }
    };
    (function, quote!(pages(answer.meta.as_ref())))
}
