# LegalCrm web app. Build: docker build -t legalcrm .   (docker compose builds it for you)
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/LegalCrm.Web/LegalCrm.Web.csproj src/LegalCrm.Web/
RUN dotnet restore src/LegalCrm.Web/LegalCrm.Web.csproj
COPY src/ src/
RUN dotnet publish src/LegalCrm.Web/LegalCrm.Web.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_URLS=http://+:8080
EXPOSE 8080
# Dossier documents (Documents__StoragePath); a named volume takes this folder's owner on first use.
RUN mkdir -p /var/lib/legalcrm/documents && chown $APP_UID /var/lib/legalcrm/documents
USER $APP_UID
ENTRYPOINT ["dotnet", "LegalCrm.Web.dll"]
